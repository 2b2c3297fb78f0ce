module.exports = [
  'https://dulcet-ledger-4f1a2b.netlify.app',
  'https://ledgerly.vercel.app',
  'http://localhost:5173',
];
