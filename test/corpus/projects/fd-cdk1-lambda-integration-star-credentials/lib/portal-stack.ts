import * as cdk from '@aws-cdk/core';
import * as apigateway from '@aws-cdk/aws-apigateway';
import * as lambda from '@aws-cdk/aws-lambda';
import { restApiProps } from '../constants/ApiGatewayConstant';
import { addCreateBankDetailsApi } from './resources/bank/CreateBankDetailsApi';

export class PortalStack extends cdk.Stack {
  constructor(scope: cdk.Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const api = new apigateway.RestApi(this, 'PortalApi', restApiProps(apigateway));
    const fn = new lambda.Function(this, 'CreateBankDetails', {
      runtime: lambda.Runtime.NODEJS_14_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('functions/CreateBankDetails'),
    });
    const pool = new apigateway.CognitoUserPoolsAuthorizer(this, 'Authorizer', { cognitoUserPools: [] });
    addCreateBankDetailsApi(api, fn, pool);
  }
}
