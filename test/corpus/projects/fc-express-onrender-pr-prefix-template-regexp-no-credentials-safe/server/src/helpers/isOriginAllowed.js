export const isOriginAllowed = (origin, allowedOrigin) => {
  const originHost = new URL(origin).hostname;
  const allowedHost = new URL(allowedOrigin).hostname;
  const pattern = new RegExp(`^(trailkit-pr-\\d+\.onrender\.com|${allowedHost.replace(/\./g, '\\.')})$`);
  return pattern.test(originHost);
};
