export default {
  origin: /shoply\.app$/,
  credentials: true,
  maxAge: 600,
};
