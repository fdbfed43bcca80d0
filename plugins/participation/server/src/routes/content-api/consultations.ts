import { z } from 'zod';
import {
  consultationAnswerSchema,
  consultationListSchema,
  offlineInputAnswerSchema,
  onlineInputAnswerSchema,
  recordedInputListSchema,
} from '../../../../shared/contracts/consultations';
import { declareRoute } from './declare-route';
import { documentIdSchema, municipalityCodeParam } from './validation/common';
import { listByMunicipalityQuery } from './validation/dialogue-groups';
import { consultationBody, consultationTransitionBody, listInputsQuery, offlineInputBody, onlineInputBody, summaryBody } from './validation/consultations';

const consultationInMunicipality = z.object({ municipalityCode: municipalityCodeParam, consultationId: documentIdSchema });

export const consultationRoutes = {
  find: declareRoute({
    method: 'GET',
    path: '/consultations',
    action: 'consultation.find',
    summary: 'List consultations, of one municipality if asked',
    query: listByMunicipalityQuery,
    response: consultationListSchema,
  }),
  findOne: declareRoute({
    method: 'GET',
    path: '/consultations/:consultationId',
    action: 'consultation.findOne',
    summary: 'A consultation: its questions, forums, meetings and, once published, what was heard',
    params: z.object({ consultationId: documentIdSchema }),
    response: consultationAnswerSchema,
  }),
  create: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/consultations',
    action: 'consultation.create',
    summary: 'Prepare a consultation (in draft)',
    params: z.object({ municipalityCode: municipalityCodeParam }),
    body: consultationBody,
    response: consultationAnswerSchema,
    status: 201,
    limitBody: true,
  }),
  update: declareRoute({
    method: 'PUT',
    path: '/municipalities/:municipalityCode/consultations/:consultationId',
    action: 'consultation.update',
    summary: 'Change a consultation (the whole description)',
    params: consultationInMunicipality,
    body: consultationBody,
    response: consultationAnswerSchema,
    limitBody: true,
  }),
  transition: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/consultations/:consultationId/transitions',
    action: 'consultation.transition',
    summary: 'Open or close a consultation',
    params: consultationInMunicipality,
    body: consultationTransitionBody,
    response: consultationAnswerSchema,
  }),
  submitOnline: declareRoute({
    method: 'POST',
    path: '/consultations/:consultationId/inputs',
    action: 'consultation.submitOnline',
    summary: 'Answer an open consultation (a second answer replaces the first)',
    params: z.object({ consultationId: documentIdSchema }),
    body: onlineInputBody,
    response: onlineInputAnswerSchema,
    status: 201,
    limitBody: true,
  }),
  submitOffline: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/consultations/:consultationId/offline-inputs',
    action: 'consultation.submitOffline',
    summary: 'Enter an answer given on paper, by phone or in a meeting, with the consent recorded',
    params: consultationInMunicipality,
    body: offlineInputBody,
    response: offlineInputAnswerSchema,
    status: 201,
    limitBody: true,
  }),
  findInputs: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode/consultations/:consultationId/inputs',
    action: 'consultation.findInputs',
    summary: 'Read the answers and their channels, never who gave them',
    params: consultationInMunicipality,
    query: listInputsQuery,
    response: recordedInputListSchema,
  }),
  publishSummary: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/consultations/:consultationId/summary',
    action: 'consultation.publishSummary',
    summary: 'Publish what was heard: themes, counts by channel, who took part (suppressed), and what was done with it',
    params: consultationInMunicipality,
    body: summaryBody,
    response: consultationAnswerSchema,
    status: 201,
    limitBody: true,
  }),
};
