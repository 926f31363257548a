/** A problem shown beside its field; the field points at it with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

/** aria props for a control that may have an error beside it. */
export function describedBy(id: string, message: string | undefined, hint?: string) {
  const ids = [hint, message ? id : undefined].filter(Boolean).join(' ');
  return { 'aria-invalid': message ? true : undefined, 'aria-describedby': ids || undefined } as const;
}
