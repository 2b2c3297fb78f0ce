exports.corsOptions = { origin: ['https://a.example.com'], credentials: true };
