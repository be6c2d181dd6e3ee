/** The case pages' messages (Chinese; `casesEn` must have the same keys). */
export const casesZh = {
  title: '办件',
};

export const casesEn: typeof casesZh = {
  title: 'Cases',
};
