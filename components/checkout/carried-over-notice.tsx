/** A fresh checkout's word on what it kept from the shopper's last one (which ended unpaid), and what it could not. */
export function CarriedOverNotice({ carriedOver, notices }: { carriedOver: boolean; notices: ReadonlyArray<string> }) {
  return (
    <div
      role="status"
      data-testid="carried-over"
      className="rounded-2xl border border-stone-200 bg-stone-50 px-5 py-4 text-sm text-stone-800"
    >
      {carriedOver ? <p className="font-semibold">We kept your details from your last checkout.</p> : null}
      {notices.length > 0 ? (
        <ul className="mt-1 list-disc space-y-1 pl-5">
          {notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
