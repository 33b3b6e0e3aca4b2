/**
 * Numbers read from a Float64Array come back as doubles, and a double stored in an object
 * field is boxed: one heap allocation per field, and once a field of a shape has held a
 * double, every later object of that shape boxes it too. Event fields are nearly always
 * integers that fit a small-integer tag, so events re-tag them first and cost no boxes.
 * Values outside the int32 range pass through unchanged.
 */
export function smallInt(value: number): number {
  return (value | 0) === value ? value | 0 : value;
}
