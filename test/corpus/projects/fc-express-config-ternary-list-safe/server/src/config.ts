const Config = {
  appId: 'nnas',
  api: {
    secure: process.env.NODE_ENV === 'production',
    cors: process.env.NODE_ENV !== 'production' ? ['http://localhost:3000'] : ['https://auth.example.io'],
    webUrl: process.env.NODE_ENV === 'production' ? 'https://auth.example.io' : 'http://localhost:3000',
  },
}

export default Config
