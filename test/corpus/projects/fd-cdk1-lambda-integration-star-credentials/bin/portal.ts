import * as cdk from '@aws-cdk/core';
import { PortalStack } from '../lib/portal-stack';

const app = new cdk.App();
new PortalStack(app, 'PortalStack');
