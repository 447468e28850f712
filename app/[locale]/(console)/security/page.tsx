import { emptyAreaPage } from '@/app/_server/area-page';

const { generateMetadata, Page } = emptyAreaPage('security', 'security.read');

export { generateMetadata };
export default Page;
