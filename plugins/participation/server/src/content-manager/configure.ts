import type { Core } from '@strapi/strapi';
import { isDeepStrictEqual } from 'node:util';
import { PLUGIN_LAYOUTS, applyPluginLayout, type ContentManagerConfiguration } from './plugin-layout';

interface ContentTypesService {
  findContentType(uid: string): { uid: string } | undefined;
  findConfiguration(contentType: { uid: string }): Promise<ContentManagerConfiguration & { uid: string }>;
  updateConfiguration(contentType: { uid: string }, configuration: ContentManagerConfiguration): Promise<unknown>;
}

/**
 * Applies the plugin's Content Manager layout at every start, after the Content Manager has synced its
 * configurations (its bootstrap runs before a local plugin's): an admin may rearrange the views, but the
 * fields only the plugin may change stay read-only or hidden.
 */
export const configureContentManager = async (strapi: Core.Strapi) => {
  const contentManager = strapi.plugin('content-manager');
  if (!contentManager) return;
  const contentTypes = contentManager.service('content-types') as ContentTypesService;
  for (const uid of Object.keys(strapi.contentTypes).filter((name) => name.startsWith('plugin::participation.'))) {
    const contentType = contentTypes.findContentType(uid);
    if (!contentType) continue;
    const { uid: _uid, ...current } = await contentTypes.findConfiguration(contentType);
    if (!current.layouts?.edit) continue; // not configured by the Content Manager (not shown there)
    const attributes = strapi.contentTypes[uid as keyof typeof strapi.contentTypes].attributes as Record<string, { type?: string; customField?: string }>;
    const next = applyPluginLayout(current, PLUGIN_LAYOUTS[uid] ?? {}, attributes);
    if (!isDeepStrictEqual(next, current)) await contentTypes.updateConfiguration(contentType, next);
  }
};
