/** Arrangements a meeting announces, so that people know before coming whether they can take part. */
export const ACCESSIBILITY_ARRANGEMENTS = [
  'step-free-access',
  'sign-language',
  'easy-read-material',
  'captioning',
  'hearing-loop',
  'interpretation',
  'childcare',
  'transport-support',
] as const;
export type AccessibilityArrangement = (typeof ACCESSIBILITY_ARRANGEMENTS)[number];
