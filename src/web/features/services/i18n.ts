/** The matters, guides and supervision pages' messages (Chinese; `servicesEn` must have the same keys). */
export const servicesZh = {
  title: '政务服务',
};

export const servicesEn: typeof servicesZh = {
  title: 'Government services',
};
