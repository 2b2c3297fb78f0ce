module.exports = ['https://custodian.homebase.app', 'http://localhost:3000'];
