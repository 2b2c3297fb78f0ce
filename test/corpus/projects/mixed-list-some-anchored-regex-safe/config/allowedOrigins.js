module.exports = [
  'https://walrus-vault.netlify.app',
  'http://localhost:5173',
  /^https:\/\/deploy-preview-\d+--walrus-vault\.netlify\.app$/,
];
