exports.ok = (o) => o === 'https://a.example.com';
