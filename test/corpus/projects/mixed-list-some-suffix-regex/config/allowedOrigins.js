module.exports = ['http://localhost:3000', 'https://tracker.social', /tracker\.social$/];
