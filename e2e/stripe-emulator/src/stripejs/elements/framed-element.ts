import { Emitter } from '../emitter';
import { frameDocument } from './frame-styles';

type Handler = (event: never) => unknown;

/**
 * Shared behaviour of the stand-in Elements: an iframe (srcdoc, so same-origin and readable by the stand-in)
 * titled like Stripe's, Stripe's element event API, and mount / unmount / destroy.
 */
export abstract class FramedElement {
  private readonly events = new Emitter();
  private iframe: HTMLIFrameElement | null = null;
  private destroyed = false;
  protected frameDocument: Document | null = null;

  protected constructor(
    protected readonly elementType: string,
    private readonly frameTitle: string,
    private readonly onDestroy: () => void,
  ) {}

  /** The markup inside the iframe's body; called on every mount so values survive unmount/mount. */
  protected abstract renderBody(): string;
  /** Wires the inputs of a freshly loaded frame document. */
  protected abstract bind(doc: Document): void;
  protected abstract firstInput(doc: Document): HTMLElement | null;
  protected abstract resetValues(): void;

  on(eventType: string, handler: Handler): this {
    this.events.on(eventType, handler);
    return this;
  }

  once(eventType: string, handler: Handler): this {
    this.events.once(eventType, handler);
    return this;
  }

  off(eventType: string, handler?: Handler): this {
    this.events.off(eventType, handler);
    return this;
  }

  protected emit(eventType: string, payload: object = {}): void {
    this.events.emit(eventType, { elementType: this.elementType, ...payload });
  }

  mount(domElement: string | HTMLElement): void {
    if (this.destroyed) throw new Error('This Element has been destroyed; create a new one to mount it again.');
    const target = typeof domElement === 'string' ? document.querySelector<HTMLElement>(domElement) : domElement;
    if (!target) throw new Error(`The selector you specified (${String(domElement)}) applies to no DOM elements.`);
    if (this.iframe) this.unmount();

    const iframe = document.createElement('iframe');
    iframe.title = this.frameTitle;
    iframe.setAttribute('frameborder', '0');
    iframe.setAttribute('allowtransparency', 'true');
    iframe.style.cssText = 'border: 0; width: 100%; min-height: 48px; display: block; overflow: hidden;';
    iframe.addEventListener('load', () => this.handleLoad(iframe));
    iframe.srcdoc = frameDocument(this.renderBody());
    this.iframe = iframe;
    target.appendChild(iframe);
    this.emit('loaderstart');
  }

  unmount(): void {
    this.iframe?.remove();
    this.iframe = null;
    this.frameDocument = null;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.unmount();
    this.destroyed = true;
    this.events.clear();
    this.onDestroy();
  }

  focus(): void {
    if (this.frameDocument) this.firstInput(this.frameDocument)?.focus();
  }

  blur(): void {
    // Nodes in the frame belong to the frame's realm, so no `instanceof HTMLElement` here.
    (this.frameDocument?.activeElement as HTMLElement | null | undefined)?.blur?.();
  }

  clear(): void {
    this.resetValues();
    if (this.iframe && this.frameDocument) this.iframe.srcdoc = frameDocument(this.renderBody());
  }

  /** Grows the iframe to its content, as Stripe's frames do. */
  protected resize(): void {
    const doc = this.frameDocument;
    if (this.iframe && doc?.documentElement) {
      this.iframe.style.height = `${Math.ceil(doc.documentElement.scrollHeight) + 2}px`;
    }
  }

  private handleLoad(iframe: HTMLIFrameElement): void {
    if (iframe !== this.iframe || !iframe.contentDocument) return;
    this.frameDocument = iframe.contentDocument;
    this.bind(iframe.contentDocument);
    const doc = iframe.contentDocument;
    doc.addEventListener('focusin', () => this.emit('focus'));
    doc.addEventListener('focusout', () => this.emit('blur'));
    doc.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.emit('escape');
    });
    this.resize();
    this.emit('ready');
  }
}
