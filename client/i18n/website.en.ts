/** English strings of an organisation's website link in the directory (`t().website`). */
export const websiteEn = {
  label: 'Website:',
  /** read after the link's text by screen readers: the site opens beside Jalon */
  newTab: '(opens in a new tab)',
};
