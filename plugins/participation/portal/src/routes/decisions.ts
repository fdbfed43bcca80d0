import { createElement } from 'react';
import { z } from 'zod';
import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';
import { getService } from '../../../server/src/utils/get-service';
import { documentIdSchema, municipalityCodeParam } from '../../../server/src/routes/content-api/validation/common';
import { listDecisionsQuery } from '../../../server/src/routes/content-api/validation/decisions';
import type { DecisionLogEntry } from '../../../shared/contracts/decisions';
import { portalRoute, type FormValues, type PortalContext, type PortalPage } from '../http/portal-route';
import { DecisionsPage } from '../pages/DecisionsPage';
import { DecisionPage, type DecisionLogLinks } from '../pages/DecisionPage';
import { ImplementationPage } from '../pages/ImplementationPage';
import { ProblemPage } from '../pages/ProblemPage';
import type { SubjectTitles } from '../components/DecisionSubject';
import { apiBaseOf } from '../http/api-base';

/** What the log pages read: the municipality, the log, its verification against its latest checkpoint, the subjects' titles. */
const LOG_ACTIONS = ['municipality.findOne', 'decision.find', 'decision.findOne', 'decision.verifyLog', 'decision.checkpoint', 'proposal.findOne', 'round.findOne'] as const;

const notFoundAsNull = <Value>(promise: Promise<Value>): Promise<Value | null> =>
  promise.catch((error) => {
    if (error instanceof errors.NotFoundError) return null;
    throw error;
  });

/**
 * The log checked against its own latest signed checkpoint, so that a log cut short or rewritten with
 * every later hash recomputed shows too, not only a broken link (docs/decisions.md). A log written
 * before checkpoints existed has none until its next entry: then the chain alone is checked.
 */
export const verifiedLog = async (strapi: Core.Strapi, municipalityCode: string) => {
  const decisionLog = getService(strapi, 'decision-log');
  const checkpoint = await notFoundAsNull(decisionLog.checkpoint(municipalityCode));
  const kept = checkpoint && { size: checkpoint.size, headHash: checkpoint.headHash, issuedAt: checkpoint.issuedAt, signature: checkpoint.signature };
  return { verification: await decisionLog.verify(municipalityCode, kept ?? undefined), checkpoint };
};

/** The titles of the proposals and rounds the entries decide on; a subject the public cannot read keeps its reference only. */
export const subjectTitles = async (strapi: Core.Strapi, entries: DecisionLogEntry[]): Promise<SubjectTitles> => {
  const ofKind = (kind: 'proposal' | 'round') => [...new Set(entries.filter((entry) => entry.subjectKind === kind).map((entry) => entry.subjectRef))];
  const titled = (ids: string[], findOne: (id: string) => Promise<{ title: string }>) =>
    Promise.all(ids.map(async (id) => [id, (await notFoundAsNull(findOne(id)))?.title] as const));
  const [proposals, rounds] = await Promise.all([
    titled(ofKind('proposal'), (id) => getService(strapi, 'proposal').findOne(id)),
    titled(ofKind('round'), (id) => getService(strapi, 'round').findOne(id)),
  ]);
  return new Map([...proposals, ...rounds].filter((pair): pair is readonly [string, string] => pair[1] !== undefined));
};

/** Where the API answers, for the links to the log's export, checkpoints and signing key. */
const decisionLogApi = (strapi: Core.Strapi, municipalityCode: string): DecisionLogLinks => {
  const base = apiBaseOf(strapi);
  return {
    exportLog: `${base}/municipalities/${municipalityCode}/decision-log/export`,
    checkpoint: (size: number) => `${base}/municipalities/${municipalityCode}/decision-log/checkpoint?size=${size}`,
    signingKey: `${base}/decision-log/signing-key`,
  };
};

const municipalityParams = z.object({ municipalityCode: municipalityCodeParam });

/**
 * A page of a municipality's log with its verification as of now and the titles of its subjects, for the
 * public log and the staff's; a page that is not a number is a 400 page, as the API's own query schema says.
 */
export const readLogPage = async (context: PortalContext, municipalityCode: string, query: FormValues) => {
  const parsed = listDecisionsQuery.safeParse({ page: typeof query.page === 'string' ? query.page : undefined });
  if (!parsed.success) return { problem: { ...ProblemPage({ status: 400, i18n: context.i18n }), status: 400 } as PortalPage };
  const municipality = await getService(context.strapi, 'municipality').getByCode(municipalityCode);
  const [log, { verification, checkpoint }] = await Promise.all([
    getService(context.strapi, 'decision-log').find(municipality.code, parsed.data),
    verifiedLog(context.strapi, municipality.code),
  ]);
  return { problem: null, municipality, log, verification, checkpoint, titles: await subjectTitles(context.strapi, log.data) };
};

export const decisionRoutes = [
  portalRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/decisions',
    actions: LOG_ACTIONS,
    params: municipalityParams,
    handle: async ({ params, query, context }) => {
      const read = await readLogPage(context, params.municipalityCode, query);
      if (read.problem) return read.problem;
      const { municipality, log, titles, verification, checkpoint } = read;
      const { page, pageCount } = log.meta.pagination;
      return {
        title: context.i18n.t('decisions.title', { municipality: municipality.name }),
        // The log is verified as it stands now, on every read: neither browsers nor the portal keep the answer.
        noStore: true,
        scripts: ['live.js'],
        body: createElement(DecisionsPage, { municipality, entries: log.data, titles, verification, checkpoint, page, pageCount }),
      };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/decisions/:sequence',
    actions: LOG_ACTIONS,
    params: municipalityParams.extend({ sequence: z.coerce.number().int().min(1) }),
    handle: async ({ params, context }) => {
      const municipality = await getService(context.strapi, 'municipality').getByCode(params.municipalityCode);
      const decisionLog = getService(context.strapi, 'decision-log');
      const [entry, { verification, checkpoint }, signedWithEntry] = await Promise.all([
        decisionLog.findOne(municipality.code, params.sequence),
        verifiedLog(context.strapi, municipality.code),
        notFoundAsNull(decisionLog.checkpoint(municipality.code, params.sequence)).then(Boolean),
      ]);
      const titles = await subjectTitles(context.strapi, [entry]);
      return {
        title: context.i18n.t('decision.title', { sequence: entry.sequence, municipality: municipality.name }),
        noStore: true,
        body: createElement(DecisionPage, { municipality, entry, titles, verification, checkpoint, signedWithEntry, api: decisionLogApi(context.strapi, municipality.code) }),
      };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/proposals/:proposalId/implementation',
    actions: ['implementation.findOne', 'proposal.findOne', 'municipality.findOne', 'budget-line.find'],
    params: z.object({ proposalId: documentIdSchema }),
    handle: async ({ params, context }) => {
      const proposal = await getService(context.strapi, 'proposal').findOne(params.proposalId);
      const [implementation, municipality] = await Promise.all([
        getService(context.strapi, 'implementation').findForProposal(proposal.documentId),
        getService(context.strapi, 'municipality').getByCode(proposal.municipalityCode),
      ]);
      const funded = implementation.funding?.budgetLine;
      const lines = funded ? await getService(context.strapi, 'budget-line').findForMunicipality(municipality.code, [funded.fiscalYear]) : [];
      const budgetLineName = lines.find((line) => line.code === funded?.code)?.name;
      return {
        title: context.i18n.t('implementation.title', { proposal: proposal.title }),
        body: createElement(ImplementationPage, { proposal, municipality, implementation, budgetLineName }),
      };
    },
  }),
];
