import { createElement } from 'react';
import { z } from 'zod';
import { errors } from '@strapi/utils';
import { getService } from '../../../server/src/utils/get-service';
import { documentIdSchema } from '../../../server/src/routes/content-api/validation/common';
import { portalRoute, text, type PortalContext } from '../http/portal-route';
import { ResultsPage } from '../pages/ResultsPage';
import { ResultsPendingPage } from '../pages/ResultsPendingPage';
import { ReceiptCheckPage, type ReceiptAnswer } from '../pages/ReceiptCheckPage';
import { renderedMarkupCache } from '../http/rendered-markup';
import { apiBaseOf } from '../http/api-base';
import { languageOfItem } from '../i18n/content-language';

/**
 * Published results do not change (a recount gives a new count time, hence a new key): rendered once per
 * language for every reader. Ten minutes bounds what a title edited in the Content Manager leaves showing.
 */
const publishedResults = renderedMarkupCache({ entries: 200, ttlMs: 10 * 60_000 });

const roundParams = z.object({ roundId: documentIdSchema });


/**
 * What the check's form hands to the page its redirect leads to, through the browser's flash: a receipt
 * code in the address would stay in the history, the server's logs and any Referer.
 */
const checkedReceiptSchema = z.object({ checkedRoundDocumentId: z.string(), receiptCode: z.string() });

const checkedReceiptIn = (flash: string | null, roundId: string) => {
  const parsed = flash === null ? null : checkedReceiptSchema.safeParse(JSON.parse(flash));
  return parsed?.success && parsed.data.checkedRoundDocumentId === roundId ? parsed.data.receiptCode : undefined;
};

/**
 * The API's receipt check (`ballot.verifyReceipt`): its answer, or the field error it gives a code
 * that is not a receipt (a 400 page with the message beside the field and the code kept). Never stored
 * by a cache: the page shows a receipt code.
 */
const receiptPage = async (context: PortalContext, roundId: string, code: string | undefined) => {
  const round = await getService(context.strapi, 'round').findOne(roundId);
  const roundLanguage = await languageOfItem(context.strapi, round);
  const page = (props: { answer?: ReceiptAnswer; invalid?: boolean }, status = 200) => ({
    title: context.i18n.t('receipt.title'),
    status,
    noStore: true,
    body: createElement(ReceiptCheckPage, { round, roundLanguage, code, answer: props.answer, errors: props.invalid ? { receiptCode: 'receipt.error.receiptCode' } : {}, apiBase: apiBaseOf(context.strapi) }),
  });
  // Before voting closes the page says when checks open; the API refuses a check then (409), and so does the page.
  if (code === undefined) return page({});
  try {
    return page({ answer: await getService(context.strapi, 'ballot').verifyReceipt(round.documentId, code) });
  } catch (error) {
    if (error instanceof errors.ValidationError) return page({ invalid: true }, 400);
    throw error;
  }
};

export const resultsRoutes = [
  portalRoute({
    method: 'GET',
    path: '/rounds/:roundId/results',
    actions: ['round.findOne', 'proposal.find'],
    params: roundParams,
    handle: async ({ params, context }) => {
      const round = await getService(context.strapi, 'round').findOne(params.roundId);
      const title = context.i18n.t('results.title', { round: round.title });
      const apiBase = apiBaseOf(context.strapi);
      // The service publishes the result from the results phase on, exactly as the API does.
      if (!round.result) return { title, body: createElement(ResultsPendingPage, { round, roundLanguage: await languageOfItem(context.strapi, round), apiBase }) };
      const result = round.result;
      const municipality = await getService(context.strapi, 'municipality').getByCode(round.municipalityCode);
      const key = [round.documentId, result.countedAt, round.title, round.language, municipality.name, municipality.currency, municipality.contentLanguage, apiBase].join('\u0000');
      const body = await publishedResults(context, key, async () => {
        const proposals = await getService(context.strapi, 'proposal').allOfRound(round.documentId);
        return createElement(ResultsPage, { round, result, municipality, proposals, apiBase });
      });
      return { title, body };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/rounds/:roundId/receipt-check',
    actions: ['round.findOne', 'ballot.verifyReceipt'],
    params: roundParams,
    handle: async ({ params, context, session }) => receiptPage(context, params.roundId, checkedReceiptIn(await session.flash.take(), params.roundId)),
  }),
  portalRoute({
    method: 'POST',
    path: '/rounds/:roundId/receipt-check',
    actions: ['round.findOne', 'ballot.verifyReceipt'],
    params: roundParams,
    handle: async ({ params, form, context, session }) => {
      const code = text(form, 'receiptCode');
      const checked = await receiptPage(context, params.roundId, code);
      if (checked.status !== 200) return checked;
      // Checked: the answer is shown after a redirect, so that reloading it never re-posts the form.
      await session.flash.put(JSON.stringify({ checkedRoundDocumentId: params.roundId, receiptCode: code.trim().toUpperCase() }));
      return { redirect: context.href(`/rounds/${params.roundId}/receipt-check`) };
    },
  }),
];
