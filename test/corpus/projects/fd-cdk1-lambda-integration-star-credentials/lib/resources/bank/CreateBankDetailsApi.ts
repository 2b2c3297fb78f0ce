import * as apigateway from '@aws-cdk/aws-apigateway';

const corsResponseHeaders = {
  'method.response.header.Content-Type': "'application/json'",
  'method.response.header.Access-Control-Allow-Origin': "'*'",
  'method.response.header.Access-Control-Allow-Credentials': "'true'",
  'method.response.header.Access-Control-Allow-Headers': "'*'",
};

export const addCreateBankDetailsApi = (api: apigateway.RestApi, handler: any, authorizer: any) => {
  const resource = api.root.addResource('CreateBankDetailsApi');
  const integration = new apigateway.LambdaIntegration(handler, {
    proxy: false,
    passthroughBehavior: apigateway.PassthroughBehavior.NEVER,
    requestTemplates: { 'application/json': JSON.stringify('$util.escapeJavaScript($input.body)') },
    integrationResponses: [
      { statusCode: '200', responseParameters: corsResponseHeaders },
      { statusCode: '400', selectionPattern: '(\n|.)+', responseParameters: corsResponseHeaders },
    ],
  });
  resource.addMethod('POST', integration, {
    authorizer,
    authorizationType: apigateway.AuthorizationType.COGNITO,
    methodResponses: [
      {
        statusCode: '200',
        responseParameters: {
          'method.response.header.Content-Type': true,
          'method.response.header.Access-Control-Allow-Origin': true,
          'method.response.header.Access-Control-Allow-Credentials': true,
          'method.response.header.Access-Control-Allow-Headers': true,
        },
      },
    ],
  });
};
