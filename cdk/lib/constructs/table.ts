/** The single table, built from the backend's own definition (functions/src/data/table-def.ts). */
import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { tableDef } from '../../../functions/src/data/table-def';

export interface GridTableProps {
  /** refuse `DeleteTable` (on for prod) */
  deletionProtection: boolean;
}

export class GridTable extends Construct {
  readonly table: Table;
  /** the GSIs, by name (functions are granted these, not `index/*`) */
  readonly indexNames: readonly string[] = tableDef.gsis.map((g) => g.name);

  constructor(scope: Construct, id: string, props: GridTableProps) {
    super(scope, id);
    const key = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new Table(this, 'Table', {
      partitionKey: key(tableDef.partitionKey),
      sortKey: key(tableDef.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: tableDef.ttlAttribute,
      // async work (notifications, counters' side effects) is driven by the stream
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: props.deletionProtection,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const gsi of tableDef.gsis) {
      this.table.addGlobalSecondaryIndex({
        indexName: gsi.name,
        partitionKey: key(gsi.partitionKey),
        sortKey: key(gsi.sortKey),
        projectionType: ProjectionType.ALL,
      });
    }
  }
}
