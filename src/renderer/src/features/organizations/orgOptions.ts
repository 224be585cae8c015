import { ORG_LEVEL_LABELS, ORG_LEVEL_RANK, ORG_LEVELS, type OrgLevel, type OrgNode } from '@shared/schemas/organizations';
import { fold } from '@shared/vi-text/normalize';
import { buildOrgTree, type OrgTreeItem } from '../../stores/organizations';

export const levelOptions = (minRankExclusive = -1) =>
  ORG_LEVELS.filter((l) => ORG_LEVEL_RANK[l] > minRankExclusive).map((l) => ({ value: l, label: ORG_LEVEL_LABELS[l] }));

/** The usual level right under a parent's level. */
export function childLevel(parent: OrgLevel | undefined): OrgLevel {
  switch (parent) {
    case undefined:
      return 'province';
    case 'central':
      return 'province';
    case 'province':
    case 'sector':
      return 'upper';
    case 'upper':
      return 'grassroots';
    default:
      return 'member';
  }
}

export interface OrgSelectNode {
  value: string;
  title: string;
  disabled?: boolean;
  children: OrgSelectNode[];
}

export function orgLabel(n: OrgNode): string {
  return n.abbreviation && !n.name.includes(n.abbreviation) ? `${n.name} (${n.abbreviation})` : n.name;
}

/** treeData for a TreeSelect of units; `disabled` marks ids that cannot be chosen. */
export function orgSelectTree(nodes: OrgNode[], disabled: (n: OrgNode) => boolean = () => false): OrgSelectNode[] {
  const map = (items: OrgTreeItem[]): OrgSelectNode[] =>
    items.map((i) => ({
      value: i.node.id,
      title: i.node.endedOn ? `${orgLabel(i.node)} — đã sáp nhập` : orgLabel(i.node),
      disabled: disabled(i.node),
      children: map(i.children),
    }));
  return map(buildOrgTree(nodes));
}

/** Diacritic-insensitive filter for TreeSelect search ("dang" finds "Đặng"). */
export function filterOrgTreeNode(input: string, node: { title?: unknown }): boolean {
  return fold(String(node.title ?? '')).includes(fold(input));
}
