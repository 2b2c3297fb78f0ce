module.exports = {
  cors: Object.assign(new Error('Not allowed by CORS'), { statusCode: 403 }),
}
