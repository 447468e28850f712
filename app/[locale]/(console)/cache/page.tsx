import { emptyAreaPage } from '@/app/_server/area-page';

const { generateMetadata, Page } = emptyAreaPage('cache', 'console.read');

export { generateMetadata };
export default Page;
