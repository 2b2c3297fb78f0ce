const allowList = []

const corsSetting = {
  origin: (origin, callback) => {
    if (!origin || allowList.includes(origin)) return callback(null, true)
    return new Error('Error not allowed by CORS.')
  },
  credentials: true,
}

module.exports = corsSetting
