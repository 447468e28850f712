import { emptyAreaPage } from '@/app/_server/area-page';

const { generateMetadata, Page } = emptyAreaPage('analytics', 'analytics.read');

export { generateMetadata };
export default Page;
