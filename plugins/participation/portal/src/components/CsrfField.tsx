import { usePortal } from './portal-context';

/** The hidden token every portal form carries (session/csrf.ts). */
export const CsrfField = () => <input type="hidden" name="csrf" value={usePortal().csrfToken} />;
