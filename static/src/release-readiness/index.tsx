import { mountView } from '../shared/mountView';
import { ReleaseReadinessApp } from './ReleaseReadinessApp';

mountView(<ReleaseReadinessApp />);
