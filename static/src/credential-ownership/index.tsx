import { mountView } from '../shared/mountView';
import { CredentialOwnershipApp } from './CredentialOwnershipApp';

mountView(<CredentialOwnershipApp />);
