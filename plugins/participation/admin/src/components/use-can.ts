import { useRBAC } from '@strapi/strapi/admin';

/**
 * Whether the signed-in admin holds one permission. useRBAC names its answers after the action's last
 * segment (`canRead`), which two of the plugin's actions share, so each is asked on its own.
 */
export const useCan = (permission: Array<{ action: string; subject: null }>): boolean => {
  const { allowedActions, isLoading } = useRBAC(permission);
  return !isLoading && Object.values(allowedActions).some(Boolean);
};
