import type { ReactElement } from 'react';
import type { z } from 'zod';
import type { Core } from '@strapi/strapi';
import type { Actor, ContentApiAction } from '../../../server/src/domain/access/rules';
import type { PortalLanguage } from '../i18n/languages';
import type { Translator } from '../i18n/translator';
import type { SessionUser } from '../session/portal-sessions';
import type { PortalUpload } from './multipart-form';

/** What every page and component may read while a page renders (components/portal-context.ts). */
export interface PortalContext {
  strapi: Core.Strapi;
  lang: PortalLanguage;
  i18n: Translator;
  user: SessionUser | null;
  actor: Actor | null;
  /** The token every form of this page carries. */
  csrfToken: string;
  /** This page's address after the language (`/rounds/x?page=2`): the language switch and sign-in return to it. */
  pagePath: string;
  /** The portal address of a page, in this language unless another is asked for. */
  href: (path: string, lang?: PortalLanguage) => string;
  stylesheet: string;
  /** The hashed address of one of the portal's assets (`socket.io.js`). */
  assetHref: (file: string) => string;
}

export type FormValues = Record<string, string | string[] | undefined>;

/** A form or query field as one string ('' when absent or repeated). */
export const text = (values: FormValues, name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value : '';
};

export interface PortalRequest<Params> {
  params: Params;
  query: FormValues;
  /** The submitted form (POST only), checked for its CSRF token before the handler runs. */
  form: FormValues;
  /** Files of a `multipart/form-data` form, by field (http/multipart-form.ts). */
  uploads: Record<string, PortalUpload>;
  context: PortalContext;
  /** The caller's network address, as the API's throttles count it. */
  address: string;
  /** Signs this browser in or out (session/portal-sessions.ts). */
  session: {
    begin: (userId: number) => Promise<void>;
    end: () => Promise<void>;
    /** A message kept for one read by this browser: in its session when signed in, else in a sealed cookie (session/session-flash.ts). */
    flash: { put: (message: string) => Promise<void>; take: () => Promise<string | null> };
  };
}

/** A page; `scripts` are enhancements among the portal's assets (`ballot.js`); `noStore` keeps it out of every cache. */
export type PortalPage = { title: string; body: ReactElement; status?: number; scripts?: string[]; noStore?: boolean };

/** A plain-text file the browser saves rather than shows, kept out of every cache. */
export type PortalDownload = { download: { fileName: string; text: string } };

export type PortalAnswer = PortalPage | PortalDownload | { redirect: string };

/**
 * One portal page or form action. `actions` are the content-API actions it reads or performs: the access
 * table (domain/access/rules.ts) decides them exactly as for the API, before the handler runs, with
 * `:municipalityCode` in the path as the scope.
 */
export interface PortalRoute<Params = Record<string, string>> {
  method: 'GET' | 'POST';
  /** After the language: `/rounds/:roundId`. */
  path: string;
  actions: readonly ContentApiAction[];
  params?: z.ZodType<Params>;
  /** The path carries a signed token that is itself the proof (one-click unsubscribe, RFC 8058): POSTs need no CSRF token. */
  signedPath?: boolean;
  // Method syntax on purpose: the route table holds routes of every params type as PortalRoute<unknown>.
  handle(request: PortalRequest<Params>): Promise<PortalAnswer>;
}

export const portalRoute = <Params = Record<string, string>>(route: PortalRoute<Params>): PortalRoute<Params> => route;
