import { CatalogListing } from '@/components/shop/catalog-listing';

export default function HomePage() {
  return <CatalogListing category={null} />;
}
