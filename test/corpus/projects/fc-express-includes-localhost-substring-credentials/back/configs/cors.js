const errors = require('../misc/errors')

const ALLOWED_HOSTS = ['localhost']

module.exports = {
  origin: (origin, callback) => {
    if (!origin) return callback(null, true)
    const match = ALLOWED_HOSTS.find((host) => origin.includes(host))
    match ? callback(null, true) : callback(errors.cors)
  },
  credentials: true,
}
