import { createContext, useContext } from 'react';
import type { PortalContext } from '../http/portal-route';

export const PortalContextProvider = createContext<PortalContext | null>(null);

/** The page's language, translator, person and addresses, for any component of the page. */
export const usePortal = (): PortalContext => {
  const context = useContext(PortalContextProvider);
  if (!context) throw new Error('A portal component rendered outside a portal page');
  return context;
};
