/** Amounts travel as exact decimal strings: group the whole part for reading, never through a float. */
export const groupedAmount = (value: string, currency: string) => {
  const [whole, fraction] = value.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')}${fraction ? `.${fraction}` : ''} ${currency}`;
};
