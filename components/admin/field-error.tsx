/** A field's inline error, announced, for inputs that are not a TextField (selects, checkbox groups). */
export function FieldError({ id, error }: { id: string; error: string | null }) {
  if (!error) return null;
  return (
    <p id={id} role="alert" className="text-sm text-red-700">
      {error}
    </p>
  );
}
