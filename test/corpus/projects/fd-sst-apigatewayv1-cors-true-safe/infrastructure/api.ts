export const apiGateway = new sst.aws.ApiGatewayV1('regionalRestAPI', {
  accessLog: { retention: '1 week' },
  endpoint: { type: 'regional' },
  transform: { api: { name: `rest-${$app.stage}-core-api` } },
  cors: true,
});

apiGateway.route('POST /parquet-creation', {
  handler: './.parquet-creation',
  runtime: 'rust',
  memory: '128 MB',
});
apiGateway.deploy();
