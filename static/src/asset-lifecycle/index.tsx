import { mountView } from '../shared/mountView';
import { AssetLifecycleApp } from './AssetLifecycleApp';

mountView(<AssetLifecycleApp />);
