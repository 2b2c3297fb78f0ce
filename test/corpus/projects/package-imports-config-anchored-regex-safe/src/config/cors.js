export const corsConfig = {
  origin: /^https:\/\/(www\.)?shoply\.app$/,
  credentials: true,
};
