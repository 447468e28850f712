import { emptyAreaPage } from '@/app/_server/area-page';

const { generateMetadata, Page } = emptyAreaPage('alerts', 'console.read');

export { generateMetadata };
export default Page;
