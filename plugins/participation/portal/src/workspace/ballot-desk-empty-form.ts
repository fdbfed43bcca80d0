import { randomBytes } from 'crypto';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { PortalContext } from '../http/portal-route';
import { PortalContextProvider } from '../components/portal-context';
import { BallotDeskForm } from '../components/BallotDeskForm';
import { emptyDeskValues, type DeskHabits } from './ballot-desk-form';
import type { DeskScene } from './ballot-desk-scene';

/** Where each reader's CSRF token goes in a kept form: random per process, so no input can contain it. */
const CSRF_PLACEHOLDER = `csrf-${randomBytes(18).toString('hex')}`;

/** Per kept scene (workspace/ballot-desk-scene.ts), so a form is kept exactly as long as the round it shows. */
const forms = new WeakMap<DeskScene, Map<string, string>>();

/**
 * The desk's form, empty, as the page after every ballot of a stack shows it: rendered once per round,
 * language and habits (how ballots come, how consent is given) rather than once per ballot. Nothing in it
 * is the reader's but the CSRF token, kept as a placeholder and put in for each page.
 */
export const emptyDeskForm = (context: PortalContext, scene: DeskScene, habits: DeskHabits): ReactElement => {
  let byKey = forms.get(scene);
  if (!byKey) forms.set(scene, (byKey = new Map()));
  const key = [context.href('/'), habits.channel, habits.consentMethod].join('\u0000');
  let markup = byKey.get(key);
  if (markup === undefined) {
    const form = createElement(BallotDeskForm, { ...scene, values: emptyDeskValues(habits), errors: {}, tally: null });
    markup = renderToStaticMarkup(createElement(PortalContextProvider.Provider, { value: { ...context, user: null, actor: null, csrfToken: CSRF_PLACEHOLDER } }, form));
    byKey.set(key, markup);
  }
  // React puts kept markup only inside an element of its own: a plain box, within the page's.
  return createElement('div', { dangerouslySetInnerHTML: { __html: markup.replaceAll(CSRF_PLACEHOLDER, context.csrfToken) } });
};
