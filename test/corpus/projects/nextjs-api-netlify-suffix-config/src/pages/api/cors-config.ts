const corsConfig = {
  methods: ['GET', 'PUT', 'POST'],
  origin: [/.+-mesh\.netlify\.app$/],
  credentials: true,
};

export default corsConfig;
