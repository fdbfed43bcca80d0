/**
 * How the Content Manager shows the plugin's content types: a readable title for each entry, and the
 * fields only the plugin may change (a round's phase and result, a proposal's status, the ballot rules
 * once voting opens, counters and fingerprints) read-only or hidden. The database guards refuse such
 * writes anyway (docs/architecture.md); this keeps the admin from being offered them. Plain data, no
 * Strapi import: `applyPluginLayout` is tested on its own.
 */
import { AMOUNT_FIELD_UID } from '../constants/custom-fields';

export interface PluginLayout {
  /** The field the Content Manager names an entry by (lists, relations, the edit view's title). */
  mainField?: string;
  /** Shown, but only the plugin changes them. */
  readOnly?: string[];
  /** Raw JSON or bookkeeping nobody reads in a form: left out of the edit view and the list. */
  hidden?: string[];
}

export const PLUGIN_LAYOUTS: Record<string, PluginLayout> = {
  'plugin::participation.municipality': { mainField: 'name' },
  'plugin::participation.budget-line': { mainField: 'name' },
  'plugin::participation.round': {
    mainField: 'title',
    readOnly: ['phase', 'ballotRules', 'rulesFrozenAt'],
    hidden: ['result', 'phaseHistory', 'settingsFingerprint'],
  },
  'plugin::participation.proposal': { mainField: 'title', readOnly: ['proposalStatus', 'ballotNumber', 'roundDocumentId', 'authorId', 'sourceRecommendationId'] },
  'plugin::participation.proposal-status-change': { readOnly: ['proposalDocumentId', 'fromStatus', 'toStatus'] },
  'plugin::participation.round-participation': { readOnly: ['roundDocumentId', 'channel', 'voterId', 'facilitatorId', 'lastCastAt'], hidden: ['participantKey'] },
  'plugin::participation.forum': { mainField: 'title' },
  'plugin::participation.forum-thread': { mainField: 'title', readOnly: ['postCount', 'lastPostAt', 'forumDocumentId'] },
  'plugin::participation.forum-post': {
    mainField: 'authorName',
    readOnly: ['visibility', 'reportCount', 'countedReportCount', 'position', 'threadDocumentId', 'forumDocumentId'],
    hidden: ['bodyFingerprint'],
  },
  'plugin::participation.consultation': { mainField: 'topic', readOnly: ['status', 'summary', 'summaryPublishedAt'] },
  'plugin::participation.meeting': { mainField: 'title', readOnly: ['status', 'minutesPublishedAt'] },
  'plugin::participation.dialogue-group': { mainField: 'name' },
  'plugin::participation.dialogue-group-member': { mainField: 'displayName' },
  'plugin::participation.commitment': { mainField: 'owner', readOnly: ['status', 'proposalDocumentId'] },
  'plugin::participation.project-implementation': { readOnly: ['proposalDocumentId'] },
};

/** The Content Manager's stored configuration of one content type, as far as this file touches it. */
export interface ContentManagerConfiguration {
  settings: Record<string, unknown> & { mainField?: string };
  metadatas: Record<string, { edit?: Record<string, unknown>; list?: Record<string, unknown> }>;
  layouts: { list: string[]; edit: Array<Array<{ name: string; size: number }>> } & Record<string, unknown>;
}

/** The money attributes (`…Minor`, the plugin's amount custom field): the Content Manager shows them as amounts. */
export const amountFields = (attributes: Record<string, { type?: string; customField?: string }>) =>
  Object.entries(attributes).flatMap(([name, attribute]) => (attribute.customField === AMOUNT_FIELD_UID ? [name] : []));

const withoutMinor = (field: string) => field.slice(0, -'Minor'.length).replace(/([A-Z])/g, ' $1').toLowerCase();

/** The configuration with the plugin's layout applied; everything else an admin set up is kept. */
export const applyPluginLayout = (
  configuration: ContentManagerConfiguration,
  layout: PluginLayout,
  attributes: Record<string, { type?: string; customField?: string }>
): ContentManagerConfiguration => {
  const exists = (field: string) => field in attributes;
  const hidden = new Set((layout.hidden ?? []).filter(exists));
  const readOnly = new Set((layout.readOnly ?? []).filter(exists));
  const amounts = new Set(amountFields(attributes));
  const metadatas = { ...configuration.metadatas };
  const set = (field: string, edit: Record<string, unknown>) => {
    metadatas[field] = { ...metadatas[field], edit: { ...metadatas[field]?.edit, ...edit } };
  };
  for (const field of readOnly) set(field, { editable: false, description: 'Changed by the participation plugin only (through its API and workspaces).' });
  for (const field of hidden) set(field, { visible: false, editable: false });
  for (const field of amounts) {
    const words = withoutMinor(field);
    set(field, { label: `${words.charAt(0).toUpperCase()}${words.slice(1)}`, description: 'In the municipality’s currency, e.g. 1 250 000.50: at most two decimal places.' });
  }
  const mainField = layout.mainField && exists(layout.mainField) ? layout.mainField : configuration.settings.mainField;
  return {
    ...configuration,
    settings: { ...configuration.settings, mainField },
    metadatas,
    layouts: {
      ...configuration.layouts,
      // A list cell shows a big integer as it is stored (5.54 gives custom fields no list cell): amounts
      // in minor units would read a hundred times too large, so lists leave them out.
      list: configuration.layouts.list.filter((field) => !hidden.has(field) && !amounts.has(field)),
      edit: configuration.layouts.edit.map((row) => row.filter(({ name }) => !hidden.has(name))).filter((row) => row.length > 0),
    },
  };
};
