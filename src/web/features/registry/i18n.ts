/** The registry, census and inbox pages' messages (Chinese; `registryEn` must have the same keys). */
export const registryZh = {
  title: '信息系统一本账',
};

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export const registryEn: DeepStrings<typeof registryZh> = {
  title: 'Information system registry',
};
