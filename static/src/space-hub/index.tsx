import { mountView } from '../shared/mountView';
import { SpaceHubApp } from './SpaceHubApp';

mountView(<SpaceHubApp />);
