import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../constants/uids';
import { validateRequest } from '../../utils/validate';
import { emptyQuery } from '../../routes/content-api/validation/municipalities';
import { pageQuery } from '../../routes/content-api/validation/common';
import { castAssistedBallotBody, castBallotBody } from '../../routes/content-api/validation/rounds';
import { participantKeyForOffline, participantKeyForUser } from '../../domain/voting/voter-key';
import { z } from 'zod';

const participationQuery = z.object(pageQuery).strict();

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('participation').service(name);

  const userParticipant = (userId: number) => ({ participantKey: participantKeyForUser(userId), userId });

  return {
    async cast(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { districtCode, choices } = validateRequest(castBallotBody, ctx.request.body, 'body');
      const participant = userParticipant(ctx.state.user.id);
      ctx.status = 201;
      ctx.body = { data: await service('ballot').cast({ roundDocumentId: ctx.params.roundId, districtCode, participant, channel: 'online', choices }) };
    },

    /** A facilitator records a paper or assisted ballot, with the participant's consent, in their own name. */
    async castAssisted(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const body = validateRequest(castAssistedBallotBody, ctx.request.body, 'body');
      const round = await service('round').findRowIn(ctx.params.municipalityCode, ctx.params.roundId);
      if ('userId' in body.participant && !(await strapi.db.query(UID.user).findOne({ where: { id: body.participant.userId }, select: ['id'] }))) {
        throw new errors.ValidationError('participant.userId: no such participant', { errors: [{ path: ['participant', 'userId'], message: 'no such participant' }] });
      }
      const participant =
        'userId' in body.participant
          ? userParticipant(body.participant.userId)
          : {
              participantKey: participantKeyForOffline(service('ballot').secret(), body.participant.offlineReference),
              userId: null,
              facts: { residenceMunicipalityCode: body.participant.residenceMunicipalityCode, birthDate: body.participant.birthDate ?? null, verified: true },
            };
      // 202: recorded, but it may stand as a conflict for staff if the person had voted online themselves.
      ctx.status = 202;
      ctx.body = {
        data: await service('ballot').cast({
          roundDocumentId: round.documentId,
          districtCode: body.districtCode,
          participant,
          channel: body.channel,
          facilitatorId: ctx.state.user.id,
          consent: body.consent,
          choices: body.choices,
        }),
      };
    },

    async verifyReceipt(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      ctx.body = { data: await service('ballot').verifyReceipt(ctx.params.roundId, ctx.params.receiptCode) };
    },

    async participation(ctx: any) {
      const page = validateRequest(participationQuery, ctx.query, 'query');
      await service('round').findRowIn(ctx.params.municipalityCode, ctx.params.roundId);
      ctx.body = await service('ballot').participation(ctx.params.roundId, page);
    },
  };
};
