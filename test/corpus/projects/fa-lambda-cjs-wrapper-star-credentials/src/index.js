const withLogging = require('./middlewares/logger');
const withCors = require('./middlewares/cors');

const stack = (handler) => withLogging(withCors(handler));

const postTable = { scan: async () => [] };

exports.post = {
  getAllPosts: stack(require('./handlers/get-all-posts.js')(postTable)),
};
