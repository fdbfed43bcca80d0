import type { Translator } from '../i18n/translator';

const TITLES = { 400: 'problem.badRequest', 403: 'problem.forbidden', 404: 'problem.notFound', 409: 'problem.conflict', 500: 'problem.serverError' } as const;

/** A plain page for a refusal or a failure: what happened in words, never a stack trace. */
export const ProblemPage = ({ status, detail, i18n }: { status: number; detail?: string; i18n: Translator }) => {
  const key = TITLES[status as keyof typeof TITLES] ?? TITLES[500];
  const title = i18n.t(key);
  return {
    title,
    body: (
      <>
        <h1>{title}</h1>
        {detail && <p>{detail}</p>}
        <p>{i18n.t(status === 404 ? 'problem.notFoundHelp' : 'problem.help')}</p>
      </>
    ),
  };
};
