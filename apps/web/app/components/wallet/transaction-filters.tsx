import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { SelectField } from "~/components/ui/select-field";
import { type FilterForm, STATUSES, TYPES, toFilterQuery } from "./transaction-filter";

const capitalise = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/**
 * The history's filters as a GET form, so the address holds them (shareable, back button) and
 * the CSV link exports exactly what is listed.
 */
export function TransactionFilters({
  filter,
  assets,
}: {
  filter: FilterForm;
  assets: readonly string[];
}) {
  const { t } = useTranslation("wallet");
  const query = toFilterQuery(filter);
  return (
    <Form
      method="get"
      role="search"
      aria-label={t("filters.label")}
      className="grid grid-cols-2 items-end gap-3 sm:grid-cols-3 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto]"
      // A new filter starts from the first page: the cursor is not part of the form.
      key={query}
    >
      <SelectField
        label={t("filters.type")}
        name="type"
        defaultValue={filter.type}
        options={[
          { value: "", label: t("filters.allTypes") },
          ...TYPES.map((type) => ({ value: type, label: capitalise(t(`types.${type}`)) })),
        ]}
      />
      <SelectField
        label={t("filters.asset")}
        name="asset"
        defaultValue={filter.asset}
        options={[
          { value: "", label: t("filters.allAssets") },
          ...assets.map((a) => ({ value: a, label: a })),
        ]}
      />
      <SelectField
        label={t("filters.status")}
        name="status"
        defaultValue={filter.status}
        options={[
          { value: "", label: t("filters.allStatuses") },
          ...STATUSES.map((status) => ({
            value: status,
            label: capitalise(t(`statuses.${status}`)),
          })),
        ]}
      />
      <Field label={t("filters.from")} name="from" type="date" defaultValue={filter.from} />
      <Field label={t("filters.to")} name="to" type="date" defaultValue={filter.to} />
      <div className="col-span-2 flex gap-2 sm:col-span-1">
        <Button type="submit" className="text-base">
          {t("filters.apply")}
        </Button>
        {query ? (
          <Link to="/wallet" className="self-center text-sm text-accent underline">
            {t("filters.clear")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
